package compare

// alignClaims groups the claims of a result that state the same fact and
// flags how each differs from its group's reference.
func alignClaims(res *Result, refReport string, opts Options) []Group {
	var items []item
	for i, c := range res.Claims {
		items = append(items, newItem(c.ID, c.Report, KindClaim, c.Source, c.Text, i))
	}
	var groups []Group
	for _, members := range groupItems(items, linkItems(items, opts)) {
		groups = append(groups, makeGroup(items, members, refReport, opts))
	}
	return groups
}
