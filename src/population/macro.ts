/**
 * The per-(path, year) macro quantities the population needs. They come from the run's macro path
 * (src/projection/macro.ts, converted by the engine), the one source of wage growth.
 */
export interface PopulationMacro {
  year: number;
  /** Average wage of `year` relative to the base year. */
  wageIndex: number;
  /** Growth of the average wage from the previous year. */
  wageGrowth: number;
}
