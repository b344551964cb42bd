"""Eval suite: score answers, citations and retrieval on question sets.

`datasets` reads question files, `metrics` holds pure scoring functions, `runner` asks
each question through the public `qa` API, `report` writes the JSON, Markdown and plots.
"""
