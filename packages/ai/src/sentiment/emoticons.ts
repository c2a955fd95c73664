/**
 * Emoji and ASCII emoticons with a clear polarity. Read from the text before normalisation, since
 * lower-casing turns ":D" into ":d" and the tokenizer drops the punctuation emoticons are made of.
 * Laughing faces count as positive: in the training tweets they mostly are, sarcasm aside.
 */

const POSITIVE_EMOJI = new Set([
  ...'😀😃😄😁😆😊🙂😍🥰😘😻💕💖💗💙💚💛💜🧡👍👏🙌🎉🥳✨💯😎🤩☺😇🤗🙏😂🤣😋👌💪🌹',
  '❤',
  '♥',
]);
const NEGATIVE_EMOJI = new Set([...'😠😡🤬😤😞😒😔😟😕🙁☹😣😖😫😩😢😭💔👎😱😨😰🤮🤢😑🙄😪😥😓🤦']);

const POSITIVE_EMOTICON = /(?:^|\s)(?:[:;=]-?[)\]dDpP]|\(-?[:;]|<3|\^_?\^|xD|XD)(?=\s|$)/g;
const NEGATIVE_EMOTICON = /(?:^|\s)(?:[:;=]'?-?[([/\\|]|\)-?:|>:-?\(|-_-|T_T)(?=\s|$)/g;

export type EmoticonCounts = { positive: number; negative: number };

export function countEmoticons(text: string): EmoticonCounts {
  let positive = text.match(POSITIVE_EMOTICON)?.length ?? 0;
  let negative = text.match(NEGATIVE_EMOTICON)?.length ?? 0;
  for (const ch of text) {
    if (POSITIVE_EMOJI.has(ch)) positive++;
    else if (NEGATIVE_EMOJI.has(ch)) negative++;
  }
  return { positive, negative };
}
