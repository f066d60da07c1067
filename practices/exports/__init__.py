"""A training module taken away: its quiz for Moodle (GIFT, Moodle XML) and the whole module as an
IMS Common Cartridge. Each export is built from the published page, in the page's language."""
