/**
 * The public campaign page's strings, registered with `t` on import: only that page's chunk imports this module,
 * so the home page's first load does not carry them (the home page's list of campaigns has its strings in the
 * citizen dictionaries).
 */
import { addMessages } from './index';
import { citizenCampaignEn } from './citizen-campaign-en';
import { citizenCampaignZhCN } from './citizen-campaign-zh-cn';

addMessages({ 'zh-CN': citizenCampaignZhCN, en: citizenCampaignEn });
