# The two commands a new user needs: `make run` and `make test`.
# Everything else is a step they call; each step only redoes work whose inputs changed.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Two venvs: .venv (Python 3.12, requirements.lock) runs the gateway, the escalation worker,
# the action server, the tests and the tools; .venv-rasa (Python 3.10, requirements-rasa.lock;
# Rasa 3.6 refuses 3.11+) runs only the `rasa` process (run, train, test, data validate).
VENV      ?= .venv
RASA_VENV ?= .venv-rasa
export RASA_VENV
PY        := $(VENV)/bin/python
RASA      := $(RASA_VENV)/bin/rasa
STAMP     := $(VENV)/.installed
RASA_STAMP := $(RASA_VENV)/.installed
MODEL_DIR ?= models
MODEL     := $(MODEL_DIR)/current.tar.gz
CLASSIFIER := $(MODEL_DIR)/safety_classifier.joblib
TRAIN_INPUTS := $(shell find data domain -name '*.yml' 2>/dev/null) config.yml

export RASA_PORT      ?= 5005
export ACTIONS_PORT   ?= 5055
export GATEWAY_PORT   ?= 5000
# RASA_TOKEN and ACTION_SERVER_TOKEN have no default: `make run` makes them once (var/), a
# deployment sets its own.
export RASA_URL       ?= http://127.0.0.1:$(RASA_PORT)
export ACTIONS_URL    ?= http://127.0.0.1:$(ACTIONS_PORT)
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(ACTIONS_PORT)/webhook
export DATABASE_URL   ?= sqlite:///$(CURDIR)/var/assistant.db
export LINES_FILE     ?= $(CURDIR)/lines.yml
export MODEL_PATH     ?= $(CURDIR)/$(MODEL)
export SAFETY_CLASSIFIER_PATH ?= $(CURDIR)/$(CLASSIFIER)
# Rasa phones home and asks questions on first use; neither suits a server or CI.
export RASA_TELEMETRY_ENABLED = false
export TF_CPP_MIN_LOG_LEVEL = 2
export SQLALCHEMY_SILENCE_UBER_WARNING = 1

.PHONY: help setup system-deps train db run run-scaled lint test test-fast nlu-report validate eval bench load clean

help:
	@echo "make run    - set up what is missing and start the assistant on localhost"
	@echo "make test   - set up what is missing, lint (ruff), then run every test"
	@echo "make test-fast - lint, then tests/unit and tests/db only (no Rasa; SQLite)"
	@echo "make setup | train | db | lint | validate | nlu-report | eval | bench | load | clean"

## setup: both venvs, each with the exact pins of its lock (a stamp per venv: only the one
## whose lock changed is reinstalled)
setup: $(STAMP) $(RASA_STAMP)
$(STAMP): requirements.lock
	@bash scripts/setup.sh app "$(VENV)"
	@touch $@
$(RASA_STAMP): requirements-rasa.lock
	@bash scripts/setup.sh rasa "$(RASA_VENV)"
	@touch $@

## train: only when training data, domain or config changed (make compares timestamps)
## The gateway's safety classifier learns from the same NLU data (seconds, not minutes).
## The FAQ (data/faq/*.yml) is generated into NLU data and responses first (tools/faq.py).
FAQ_DATA := $(wildcard data/faq/*.yml)
FAQ_OUT  := domain/faq.yml
train: $(MODEL) $(CLASSIFIER)
$(FAQ_OUT): $(STAMP) $(FAQ_DATA) tools/faq.py lines.yml
	@$(PY) -m tools.faq && touch $@
$(CLASSIFIER): $(STAMP) $(TRAIN_INPUTS) $(FAQ_OUT) bot/triage/classifier.py bot/triage/normalize.py \
		core/vocabulary.py
	@mkdir -p $(MODEL_DIR)
	@$(PY) -m bot.triage.classifier train --data data --out $@
$(MODEL): $(RASA_STAMP) $(TRAIN_INPUTS) $(FAQ_OUT)
	@mkdir -p $(MODEL_DIR)
	@# --skip-validation: `make validate` and tests/test_rasa_data.py run Rasa's data validation
	@start=$$(date +%s); \
	$(RASA) train --data data --domain domain --config config.yml --out $(MODEL_DIR) \
	    --fixed-model-name current --quiet --skip-validation && \
	echo $$(( $$(date +%s) - start )) > $(MODEL_DIR)/train_seconds
	@touch $@

db: $(STAMP)
	@$(VENV)/bin/flask --app bot db upgrade

validate: $(RASA_STAMP)
	$(RASA) data validate --data data --domain domain --config config.yml --fail-on-warnings

run: setup train db
	@bash scripts/run.sh

system-deps:
	@bash scripts/system-deps.sh

run-scaled: setup system-deps train
	@$(PY) -m tools.scaled

## lint: ruff over the whole repository (settings in pyproject.toml); make test runs it first
lint: $(STAMP)
	@$(VENV)/bin/ruff check .

test: setup system-deps lint train
	@bash scripts/test.sh

## test-fast: the unit and db tiers (pytest.ini's markers): no Rasa, no trained Rasa model
## (only the safety classifier, seconds), no PostgreSQL, Redis or browser.
test-fast: setup lint $(CLASSIFIER)
	@bash scripts/test.sh -m "unit or db"

eval: setup train
	@$(PY) -m tools.eval_triage $(ARGS)

bench: setup train
	@$(PY) -m tools.bench $(ARGS)

load: setup train
	@$(PY) -m tools.load $(ARGS)

nlu-report: setup train
	@$(PY) -m tools.nlu_report

clean:
	rm -rf $(MODEL_DIR) var .pytest_cache
