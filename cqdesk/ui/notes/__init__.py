"""The reader's bookmarks, highlights and notes in the window: the controller, the sidebar list, the editor."""
