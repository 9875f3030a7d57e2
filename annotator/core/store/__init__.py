"""The project file: opening, migrating, reading and writing it, its backups, copies and checks."""
