/** Test helper: the exit-routes fixture, parsed with the app's schema. */
import { ExitRoutesDataset } from "../schema/datasets.ts";
import raw from "./__fixtures__/exit-routes.json";

export const exitRoutesFixture = (): ExitRoutesDataset => ExitRoutesDataset.parse(structuredClone(raw));
