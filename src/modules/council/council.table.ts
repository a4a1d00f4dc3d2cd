// Every table of the council module, composed from its parts (each part adds its interface to the extends list).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CouncilTables {}
