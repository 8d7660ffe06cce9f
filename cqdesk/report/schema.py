"""The database schema version, shared by the build and the reader (the reader never imports the build)."""

SCHEMA_VERSION = 1
