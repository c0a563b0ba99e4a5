# Dates and times as the Arabic edition writes them: day, month name, year, with the Arabic
# comma; digits as Arabic-language news sites print them (0-9).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i e"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y، H:i"
