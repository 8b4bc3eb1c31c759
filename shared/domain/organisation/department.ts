/** A department of the organisation: where suggestions are assigned (主办) and co-handled (协办). */
export interface Department {
  id: string;
  name: string;
  en: string;
}
