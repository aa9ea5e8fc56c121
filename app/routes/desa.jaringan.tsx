// The village government's view of the network picture: the same page as TKM's, scoped by
// requireMonitor to the village, with buyers and institutions numbered instead of named.
export { default, ErrorBoundary, loader, meta } from "./tkm.jaringan";
