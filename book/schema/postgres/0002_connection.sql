-- How a company reaches AT: endpoints and the files of its certificates,
-- as JSON; never a password or a private key.
CREATE TABLE connections (
	company TEXT NOT NULL PRIMARY KEY,
	content TEXT NOT NULL
);
