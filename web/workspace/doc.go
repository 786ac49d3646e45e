// Package workspace is the teachers' workspace: saving, publishing,
// unpublishing, deleting and getting their rubrics and topics, the one
// place that decides ownership, built-in and reserved ids and whether a
// document validates, and that keeps the Library students check against in
// step with the store. The web pages, the JSON API and the command line
// call it and render its refusals (Error) each their own way.
package workspace
