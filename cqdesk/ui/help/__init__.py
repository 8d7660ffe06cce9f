"""Help for the reader: the licences dialog (and, later, the user guide)."""
