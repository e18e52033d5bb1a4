"""Analysis of scored sentences: outlet statistics (``aggregate``), the comparison report
(``report``), seaborn figures (``plots``), frames per actor (``actors``) and what to label next
(``active``)."""
