"""The Qt window: presents and edits the project only through the core."""
