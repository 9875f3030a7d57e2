"""Team projects: a shared project in a PostgreSQL database that local project files
synchronise with (offline first), roles enforced by the server's row-level security."""
