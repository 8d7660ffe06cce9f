"""Compare Years: two reports of the library read together, in a window of its own (the ledger of targets
and outcomes, new wording, the two plans side by side, a term across the years). The sums are the domain's
(cqdesk.report.years); this folder shows them, prints and exports them."""
