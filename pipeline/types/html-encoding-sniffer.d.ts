declare module 'html-encoding-sniffer' {
  /** The HTML standard's encoding sniffing: BOM, transport label, <meta> prescan of the first 1024 bytes, else the default. Returns a WHATWG encoding name. */
  export default function sniffHtmlEncoding(bytes: Uint8Array, options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string }): string;
}
