/* caiji-wizard.c: placeholder until its author lands it */
