# Dates and times as the English edition writes them (Django's format letters).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i e"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
