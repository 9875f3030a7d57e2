"""Arabic text: offsets and word snapping, decoding, search, reporting cues, suggestions."""
