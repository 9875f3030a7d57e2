"""Arabic news annotator: tag speakers, claims and stance in right-to-left articles."""

__version__ = "0.1.0"
