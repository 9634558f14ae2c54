// name: agency_names
// description: Agency names in name order, one page of at most `limit` after the name `after` (keyset paging: '' starts; pass the page's last name for the next). 155,000 agencies at 50,000 reports took 1.3 s to list whole; a page of 1,000 reads them as a top-k.
// param after: ""
// param limit: 1000
MATCH (a:Agency)
WHERE a.name > $after
RETURN a.name AS name
ORDER BY name
LIMIT $limit
