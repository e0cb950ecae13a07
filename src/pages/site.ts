/**
 * The site's name and its pages' public addresses, for what the app prints (a slide's
 * credit on paper). The build's PUBLIC_URL (exposed to the app by vite.config.ts's
 * envPrefix, the same setting the link-preview tags use) makes them absolute; without
 * it they are paths under the base, as the README says.
 */
export const SITE_NAME = "Leaving Russia in 2022";

/** A page of the site (its path from the app's folder) as the public reads its address. */
export function publicPageUrl(file: string): string {
  const publicUrl = (import.meta.env.PUBLIC_URL as string | undefined) || import.meta.env.BASE_URL;
  return `${publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`}${file}`;
}
