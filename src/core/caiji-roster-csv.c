/* caiji-roster-csv.c: placeholder until its author lands it */
