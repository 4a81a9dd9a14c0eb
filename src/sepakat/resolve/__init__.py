"""Resolution: mentions to canonical entities, reports to the agreements they are about.

Pure functions over records; the store calls them and keeps what they decide.

    entities     country, organisation, event and person ids from mentions and names
    agreements   report features, pair decisions, order-independent clustering
"""
