/**
 * The local replies' sentences in the languages the models recognise. `{name}` is the customer's
 * first name with a leading space (or nothing), `{business}` the tenant's name.
 */
export type PhraseKey =
  | 'greeting'
  | 'acknowledge'
  | 'comment'
  | 'handoff'
  | 'complaint'
  | 'thanks'
  | 'faqLead';

const PHRASES: Record<string, Record<PhraseKey, string>> = {
  en: {
    greeting: 'Hi{name}! Thanks for reaching out to {business}. How can we help you today?',
    acknowledge: "Thanks for your message{name}! We've received it and will get back to you shortly.",
    comment: "Thanks for your comment{name}! We've sent it to our team.",
    handoff:
      'Thanks for telling us{name}. A member of the {business} team will reply to you personally very soon.',
    complaint:
      "We're sorry to hear that{name}. A member of the {business} team will look into it and reply to you personally very soon.",
    thanks: 'Thank you so much{name}! We really appreciate it.',
    faqLead: '',
  },
  es: {
    greeting: '¡Hola{name}! Gracias por escribir a {business}. ¿En qué podemos ayudarte hoy?',
    acknowledge: '¡Gracias por tu mensaje{name}! Lo hemos recibido y te responderemos en breve.',
    comment: '¡Gracias por tu comentario{name}! Se lo hemos pasado a nuestro equipo.',
    handoff: 'Gracias por contárnoslo{name}. Una persona del equipo de {business} te responderá muy pronto.',
    complaint:
      'Sentimos mucho lo ocurrido{name}. Una persona del equipo de {business} lo revisará y te responderá muy pronto.',
    thanks: '¡Muchas gracias{name}! Lo apreciamos de verdad.',
    faqLead: '',
  },
  fr: {
    greeting: 'Bonjour{name} ! Merci de contacter {business}. Comment pouvons-nous vous aider ?',
    acknowledge: 'Merci pour votre message{name} ! Nous l’avons bien reçu et revenons vers vous très vite.',
    comment: 'Merci pour votre commentaire{name} ! Nous l’avons transmis à notre équipe.',
    handoff:
      'Merci de nous l’avoir signalé{name}. Un membre de l’équipe {business} vous répondra personnellement très bientôt.',
    complaint:
      'Nous sommes désolés{name}. Un membre de l’équipe {business} va s’en occuper et vous répondra très bientôt.',
    thanks: 'Merci beaucoup{name} ! Cela nous fait très plaisir.',
    faqLead: '',
  },
  de: {
    greeting: 'Hallo{name}! Danke, dass du {business} schreibst. Wie können wir dir helfen?',
    acknowledge: 'Danke für deine Nachricht{name}! Wir haben sie erhalten und melden uns in Kürze.',
    comment: 'Danke für deinen Kommentar{name}! Wir haben ihn an unser Team weitergegeben.',
    handoff:
      'Danke für den Hinweis{name}. Jemand aus dem Team von {business} antwortet dir sehr bald persönlich.',
    complaint:
      'Das tut uns leid{name}. Jemand aus dem Team von {business} kümmert sich darum und meldet sich sehr bald.',
    thanks: 'Vielen Dank{name}! Das freut uns sehr.',
    faqLead: '',
  },
  it: {
    greeting: 'Ciao{name}! Grazie per aver scritto a {business}. Come possiamo aiutarti?',
    acknowledge: 'Grazie per il tuo messaggio{name}! Lo abbiamo ricevuto e ti risponderemo a breve.',
    comment: 'Grazie per il tuo commento{name}! L’abbiamo inoltrato al nostro team.',
    handoff:
      'Grazie per avercelo detto{name}. Una persona del team di {business} ti risponderà molto presto.',
    complaint:
      'Ci dispiace molto{name}. Una persona del team di {business} se ne occuperà e ti risponderà molto presto.',
    thanks: 'Grazie mille{name}! Lo apprezziamo davvero.',
    faqLead: '',
  },
  pt: {
    greeting: 'Olá{name}! Obrigado por falar com {business}. Como podemos ajudar?',
    acknowledge: 'Obrigado pela sua mensagem{name}! Recebemos e responderemos em breve.',
    comment: 'Obrigado pelo seu comentário{name}! Já o passámos à nossa equipa.',
    handoff:
      'Obrigado por nos dizer{name}. Alguém da equipa {business} vai responder-lhe pessoalmente muito em breve.',
    complaint:
      'Lamentamos muito{name}. Alguém da equipa {business} vai tratar disso e responder-lhe muito em breve.',
    thanks: 'Muito obrigado{name}! Agradecemos imenso.',
    faqLead: '',
  },
};

export function hasPhrases(language: string): boolean {
  return language in PHRASES;
}

export function phrase(key: PhraseKey, language: string, vars: { name: string; business: string }): string {
  const table = PHRASES[language] ?? PHRASES.en;
  return (table?.[key] ?? '').replaceAll('{name}', vars.name).replaceAll('{business}', vars.business);
}
