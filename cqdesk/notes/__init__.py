"""The reader's own layer on the report: bookmarks, highlights and notes, kept in their own database.

No Qt here (like cqdesk.report): the CLI, the window and the tests share it.
"""
