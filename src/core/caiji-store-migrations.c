/* caiji-store-migrations.c: placeholder until its author lands it */
