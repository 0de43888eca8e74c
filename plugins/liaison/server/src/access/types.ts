/**
 * What an admin user may see and change of the network. Staff of the alumni office
 * (and super admins) see everything; College Staff only their colleges (the ids of
 * the colleges whose `staff` they are in); Chapter Editors only their chapters.
 */
export type NetworkScope =
  | { all: true }
  | { all: false; colleges: number[]; chapters: number[] };
