# Dates and times as the French edition writes them.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y à H:i e"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
