"""`GET /metrics` in Prometheus' text format (prometheus-client), for ops who run Prometheus.

The figures are read from the database at each scrape rather than counted in memory, so
every gateway worker and replica answers the same totals. Aggregates only: no ids, no numbers.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from flask import Blueprint, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from sqlalchemy import func, select

from bot import presence
from bot.console.dashboard import CATEGORIES, accept_seconds, is_113
from bot.services import services
from core.models import Handoff, HandoffEvent, utcnow

blueprint = Blueprint("metrics", __name__)
# Seconds; the 60 s and 180 s escalation steps and the 10-minute routine step are edges.
BUCKETS = (5, 15, 30, 60, 120, 180, 300, 600, 1800, 3600)


class HandoffCollector:
    def __init__(self, svc):
        self.services = svc

    def collect(self):
        now = utcnow()
        with self.services.session() as session:
            handoffs = session.execute(select(Handoff.category, Handoff.channel, Handoff.cover,
                                              Handoff.status, Handoff.created_at,
                                              Handoff.accepted_at)).all()
            events = session.execute(select(HandoffEvent.kind, HandoffEvent.detail,
                                            func.count()).where(HandoffEvent.kind.in_(
                ("escalated", "referred", "fallback", "paged", "page_failed")))
                .group_by(HandoffEvent.kind, HandoffEvent.detail)).all()
            available = Counter()
            for line in self.services.lines.lines:
                for language in ("nl", "en"):
                    available[(line.id, language)] = len(
                        presence.available(session, line.id, language, now))

        total = CounterMetricFamily("assistant_handoffs", "Handoffs to a person",
                                    labels=["category", "channel", "cover"])
        for key, n in sorted(Counter((h.category, h.channel, h.cover or "unknown")
                                     for h in handoffs).items()):
            total.add_metric(list(key), n)
        yield total

        waiting = GaugeMetricFamily("assistant_handoffs_open", "Handoffs nobody has accepted yet",
                                    labels=["category"])
        opened = Counter(h.category for h in handoffs if h.status == "open")
        for category in CATEGORIES:
            waiting.add_metric([category], opened[category])
        yield waiting

        histogram = HistogramMetricFamily("assistant_handoff_time_to_accept_seconds",
                                          "Seconds from handoff to a person accepting it",
                                          labels=["category"])
        times = defaultdict(list)
        for h in handoffs:
            seconds = accept_seconds(h)
            if seconds is not None:
                times[h.category].append(seconds)
        for category in CATEGORIES:
            values = times[category]
            buckets = [(str(edge), sum(1 for v in values if v <= edge)) for edge in BUCKETS]
            buckets.append(("+Inf", len(values)))
            histogram.add_metric([category], buckets, sum(values))
        yield histogram

        escalations = CounterMetricFamily("assistant_escalations", "Escalation levels carried out",
                                          labels=["level"])
        referrals = CounterMetricFamily("assistant_referrals",
                                        "Callers sent to another service", labels=["to"])
        pages = CounterMetricFamily("assistant_pages", "Pages sent to colleagues",
                                    labels=["result"])
        levels, sent_to, paged = Counter(), Counter(), Counter()
        for kind, detail, n in events:
            if kind == "escalated":
                levels[(detail or "").removeprefix("level ")] += n
            if kind == "referred" or is_113(HandoffEvent(kind=kind, detail=detail)):
                sent_to["113" if is_113(HandoffEvent(kind=kind, detail=detail)) else detail] += n
            if kind in ("paged", "page_failed"):
                paged["sent" if kind == "paged" else "failed"] += n
        for level in ("1", "2"):
            escalations.add_metric([level], levels[level])
        for target in sorted(sent_to):
            referrals.add_metric([target], sent_to[target])
        for result in ("sent", "failed"):
            pages.add_metric([result], paged[result])
        yield escalations
        yield referrals
        yield pages

        agents = GaugeMetricFamily("assistant_agents_available",
                                   "Agents available in the console now",
                                   labels=["line", "language"])
        for (line_id, language), n in sorted(available.items()):
            agents.add_metric([line_id, language], n)
        yield agents


@blueprint.get("/metrics")
def metrics():
    registry = CollectorRegistry(auto_describe=False)
    registry.register(HandoffCollector(services()))
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
