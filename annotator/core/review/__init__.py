"""Bringing colleagues' work together: merges and their conflicts, pairing of spans,
adjudication into gold, inter-annotator agreement."""
