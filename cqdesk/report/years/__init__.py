"""Year over year: two reports of one region read together (plain Python, no Qt).

``ledger``: the plan year's targets beside the outcomes the next year's review states. ``wording``: the terms
only the newer report uses, only the older one used, and both. ``trend``: a term's count in every report of
the library. ``alignment``: each part of the newer plan beside the part of the older plan it shares most with.
``parts`` finds a report's review and plan, in the bundled outline and the full official texts alike.
"""
