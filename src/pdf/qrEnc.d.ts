// pdfmake's QR encoder (plain JS, no typings): measure() fills in the code's
// dark modules as rectangles, one per module, and its size in points.
declare module 'pdfmake/js/qrEnc' {
  interface QrRect {
    x: number
    y: number
    w: number
    h: number
  }
  const qrEncoder: {
    measure(node: { qr: string; fit?: number; eccLevel?: string; version?: number; mask?: number }): {
      _canvas: QrRect[]
      _width: number
    }
  }
  export default qrEncoder
}
