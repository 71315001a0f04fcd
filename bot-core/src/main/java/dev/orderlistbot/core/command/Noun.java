package dev.orderlistbot.core.command;

/** What a number stands for, so that a refusal can say "a price" and show a fitting example. */
enum Noun {
  QUANTITY("quantity", "a", "0.01"),
  AMOUNT("amount", "an", "100"),
  PRICE("price", "a", "32000.5"),
  PERCENT("percentage", "a", "2.5");

  private final String word;
  private final String article;
  private final String sample;

  Noun(String word, String article, String sample) {
    this.word = word;
    this.article = article;
    this.sample = sample;
  }

  String word() {
    return word;
  }

  /** The word with its indefinite article: "a price", "an amount". */
  String withArticle() {
    return article + " " + word;
  }

  /** A correct number of this kind, for hints. */
  String sample() {
    return sample;
  }
}
