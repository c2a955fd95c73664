/**
 * The words around a run of digits that say what it is. "Order #", "tracking number", "invoice"
 * right before it: a reference, not a phone or card number. "Call me on", "my number is": a phone.
 * A currency sign or unit next to it: an amount.
 */

const REFERENCE_BEFORE =
  /(?:\b(?:order|orders|purchase|invoice|tracking|track|ticket|ref|reference|account|acct|case|booking|reservation|confirmation|receipt|transaction|serial|model|sku|item|article|parcel|package|shipment|zip|postcode|postal code|pin|customer|member|membership|loyalty|voucher|coupon|gift card|batch|lot|bestellung|bestellnummer|auftrag|rechnung|sendung|sendungsnummer|kundennummer|pedido|factura|commande|facture|colis|ordine|fattura|encomenda)(?:\s+(?:number|num|nr|no|n[°º]|nummer|numero|número|numéro|id|code|ref))?\.?\s*[:#=-]?\s*|#\s*|\b(?:no|nr|n[°º])\.?\s*)$/i;

const AMOUNT_BEFORE = /(?:[$€£¥₹]|\b(?:usd|eur|gbp|chf|cad|aud|mxn|brl|inr|rs)\.?)\s*$/i;

const AMOUNT_AFTER =
  /^\s*(?:[$€£¥₹%]|(?:usd|eur|euros?|gbp|chf|dollars?|bucks|pounds?|pesos?|reais|kg|g|lbs?|km|mi|miles|m|cm|mm|items?|pcs|pieces|units|times|points|pts|followers|likes|views|orders)\b)/i;

const PHONE_BEFORE =
  /\b(?:phone|tel|telephone|call|ring|text|txt|sms|mobile|mob|cell|cellphone|whatsapp|wa|number|contact|reach|fax|dial|teléfono|telefono|tlf|móvil|movil|celular|llámame|llamame|téléphone|portable|appelez|appelle|telefon|handy|ruf|anrufen|nummer|cellulare|chiamami|chiama|numero|número|numéro|ligue|ligar)\b[^\n\d]{0,25}$/i;

/** The few characters before and after a match, enough for the context checks. */
export function around(text: string, start: number, end: number): { before: string; after: string } {
  return { before: text.slice(Math.max(0, start - 40), start), after: text.slice(end, end + 20) };
}

export function isReference(before: string): boolean {
  return REFERENCE_BEFORE.test(before);
}

export function isAmount(before: string, after: string): boolean {
  return AMOUNT_BEFORE.test(before) || AMOUNT_AFTER.test(after);
}

export function saysPhone(before: string): boolean {
  return PHONE_BEFORE.test(before);
}
