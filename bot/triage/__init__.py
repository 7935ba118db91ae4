"""The safety screen: rules (`rules`, `normalize`) and their combination with Rasa NLU
(`screen`)."""
