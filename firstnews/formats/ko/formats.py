"""Dates and times as Korean newspapers and portals write them: 2026.11.30 오후 11:42 (settings
FORMAT_MODULE_PATH). Django's own Korean formats put 오후 after the time (11:42 오후); anything not
set here (what people may type into a form, separators) Django still takes from its Korean locale."""

DATE_FORMAT = "Y.m.d"
TIME_FORMAT = "A g:i"
DATETIME_FORMAT = "Y.m.d A g:i"
YEAR_MONTH_FORMAT = "Y년 n월"
MONTH_DAY_FORMAT = "n월 j일"
SHORT_DATE_FORMAT = "Y.m.d"
SHORT_DATETIME_FORMAT = "Y.m.d A g:i"
