// Testing Library's async helpers (waitFor, findBy…) give up after 1 s by default; on a
// loaded 2-core machine a jsdom render can take longer. A generous limit costs nothing
// when tests pass and keeps them from failing on load alone.
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 5000 });
