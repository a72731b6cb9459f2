/* caiji-card-private.h: what the card pipeline's C++ files share */
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "caiji-card.h"
#include "caiji-card-tuning.h"

typedef enum {
  CARD_OCR_CHINESE,   /* Debian's chi_sim: labels, sex, nation, addresses */
  CARD_OCR_LATIN,     /* eng: the number, with a whitelist */
  CARD_OCR_NAME,      /* tessdata 4.0.0's chi_sim LSTM: the name */
  CARD_OCR_N_MODELS
} CardOcrModel;

/* Tesseract page segmentation modes used here. */
#define CARD_PSM_BLOCK 6
#define CARD_PSM_LINE 7
#define CARD_PSM_CHAR 10

std::string caiji_card_ocr_text    (CaijiCardOcr     *ocr,
                                    CardOcrModel      model,
                                    const cv::Mat    &grey,
                                    int               psm,
                                    const char       *whitelist);
/* The same, with Tesseract's mean word confidence (0-100) of the text. */
std::string caiji_card_ocr_text_confidence (CaijiCardOcr  *ocr,
                                            CardOcrModel   model,
                                            const cv::Mat &grey,
                                            int            psm,
                                            int           *confidence);
/* One recognised character and Tesseract's confidence in it (0-100). */
struct CardOcrSymbol {
  std::string text;
  float       confidence;
};

/* The characters of a Chinese reading, each with its confidence;
 * @whitelist (UTF-8, may be NULL) restricts what may be read. */
std::vector<CardOcrSymbol> caiji_card_ocr_symbols (CaijiCardOcr  *ocr,
                                                   CardOcrModel   model,
                                                   const cv::Mat &grey,
                                                   int            psm,
                                                   const char    *whitelist);
cv::Mat     caiji_card_crop_grey   (const cv::Mat    &card,
                                    const CaijiCardBox &box);
