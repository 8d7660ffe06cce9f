"""The report as data: parsing, the database, search and HTML rendering. No Qt here."""
