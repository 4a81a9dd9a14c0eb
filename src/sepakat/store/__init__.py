"""The registry: agreements with their history, in SQLite or PostgreSQL.

engine      open a registry by URL or path; Alembic migrations own the schema
tables      the schema (SQLAlchemy Core)
prepare     what storing an extraction needs that the registry does not decide (ids, keys)
ingest      extraction records in, rows out, one transaction per batch
bulk        many rows in one statement compiled once, through the driver's executemany
curation    the analysts' append-only log of corrections, applied over extracted values
queries     the one query layer: listings, one agreement's timeline, people, meetings
search      full text over articles and evidence (FTS5 / tsvector)
export      csv, json and xlsx from the query layer
"""
