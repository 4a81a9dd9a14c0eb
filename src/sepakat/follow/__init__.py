"""Following sources over time: ``sepakat sources add/list/remove`` and ``sepakat watch``.

state     the followed sources and the items already fetched, kept in the registry
watch     rounds of conditional fetches, new items extracted and stored once
"""
