"""Qt widgets and models. They read the report only through cqdesk.report."""
