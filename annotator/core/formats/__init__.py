"""File formats: one module per format, reading and writing side by side."""
