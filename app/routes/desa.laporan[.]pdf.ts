// The village government's period report as a PDF (the loader reads which base it serves).
export { loader } from "./tkm.laporan[.]pdf";
