/* caiji-store.c: placeholder until its author lands it */
