-- The book, version 3: the tax table entries recorded with the documents
-- that use them, and the documents by content type, so that each SAF-T
-- section is read from its own range of an index, in issuing order.

CREATE TABLE tax_entries (
	company   TEXT NOT NULL,
	entry_key TEXT NOT NULL,
	content   TEXT NOT NULL,
	PRIMARY KEY (company, entry_key)
);

CREATE INDEX documents_by_content ON documents (company, content_type, date, system_entry, series_key, number);
